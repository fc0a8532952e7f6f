// The columns of each catalogue import: the one place where their names are declared. A column has its
// code (the header the templates write, and the key the server reads) and the other headers people's
// files carry for it, such as the national list of procedures' Vietnamese ones. Headers are compared
// without case, accents, spaces or a trailing "(*)", so "Mã thủ tục", "MA THU TUC" and "Mã thủ tục (*)"
// are one header. Adding a column, or a name for one, is one entry here.

export type ImportEntity = "units" | "services" | "points";

type ImportColumn = {
  /** Header written by the templates and key of the parsed row. */
  readonly key: string;
  readonly required: boolean;
  /** Other headers accepted for this column (Vietnamese first). */
  readonly aliases: readonly string[];
  /** A value for the template's example row. */
  readonly example: string;
};

export const IMPORT_COLUMNS: Readonly<Record<ImportEntity, readonly ImportColumn[]>> = {
  units: [
    {
      key: "code",
      required: true,
      aliases: ["Mã đơn vị", "Mã định danh", "Mã định danh điện tử", "Mã cơ quan"],
      example: "000.00.17.H35",
    },
    { key: "name", required: true, aliases: ["Tên đơn vị", "Tên cơ quan"], example: "Sở Tư pháp" },
    // Optional names for Chinese and English pages; a file without the column keeps the names as they are.
    { key: "name_zh", required: false, aliases: ["Tên tiếng Trung"], example: "司法厅" },
    { key: "name_en", required: false, aliases: ["Tên tiếng Anh"], example: "Department of Justice" },
    {
      key: "parent",
      required: false,
      aliases: ["Đơn vị cha", "Mã đơn vị cha", "Cơ quan cấp trên", "Mã cơ quan cấp trên"],
      example: "000.00.00.H35",
    },
  ],
  services: [
    { key: "code", required: true, aliases: ["Mã thủ tục", "Mã TTHC", "Mã số thủ tục"], example: "1.001193" },
    {
      key: "name",
      required: true,
      aliases: ["Tên thủ tục", "Tên thủ tục hành chính", "Tên TTHC"],
      example: "Cấp bản sao trích lục hộ tịch",
    },
    { key: "name_zh", required: false, aliases: ["Tên tiếng Trung"], example: "" },
    { key: "name_en", required: false, aliases: ["Tên tiếng Anh"], example: "" },
    { key: "field", required: false, aliases: ["Lĩnh vực"], example: "Hộ tịch" },
    { key: "local_code", required: false, aliases: ["Mã nội bộ", "Mã địa phương"], example: "" },
    {
      key: "units",
      required: false,
      aliases: ["Cơ quan thực hiện", "Đơn vị thực hiện", "Mã đơn vị", "Mã đơn vị thực hiện"],
      example: "000.00.17.H35",
    },
  ],
  points: [
    { key: "unit", required: true, aliases: ["Mã đơn vị", "Đơn vị"], example: "000.00.17.H35" },
    {
      key: "label",
      required: true,
      aliases: ["Tên quầy", "Quầy", "Tên điểm khảo sát"],
      example: "Quầy số 1",
    },
    { key: "service", required: false, aliases: ["Mã thủ tục", "Thủ tục"], example: "" },
    { key: "form", required: false, aliases: ["Mẫu phiếu", "Phiếu"], example: "full" },
    {
      key: "token_required",
      required: false,
      aliases: ["Chỉ nhận liên kết một lần", "Liên kết một lần"],
      example: "false",
    },
  ],
};

/** A header as compared: lower case, no accents (đ is d), no spaces, underscores or "(*)". */
export function headerKey(header: string): string {
  return header
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/\(\s*\*\s*\)|\*/g, "")
    .replace(/[\s_\-.:]+/g, "");
}

/** The column a header names, if any. */
export function columnOfHeader(entity: ImportEntity, header: string): ImportColumn | undefined {
  const key = headerKey(header);
  if (key === "") return undefined;
  return IMPORT_COLUMNS[entity].find(
    (column) => headerKey(column.key) === key || column.aliases.some((alias) => headerKey(alias) === key),
  );
}
