import type { Messages } from "../../../shared/i18n/index.js";

/**
 * The service the citizen came for: fixed and shown, or picked from the unit's services (optional). With
 * many services the client script adds a search box (lib/service-search.ts); the plain list works without.
 */
export function ServicePicker(props: {
  text: Messages["survey"]["service"];
  service: { code: string; name: string } | null;
  services: ReadonlyArray<{ code: string; name: string }>;
  value: string | undefined;
}) {
  if (props.service) {
    return (
      <p class="msg">
        {props.text.label}: <strong>{props.service.name}</strong>
      </p>
    );
  }
  if (props.services.length === 0) return null;
  return (
    <div>
      <label class="f" for="service">
        {props.text.label}
      </label>
      <select id="service" name="service">
        <option value="">{props.text.choose}</option>
        {props.services.map((s) => (
          <option key={s.code} value={s.code} selected={s.code === props.value}>
            {s.name}
          </option>
        ))}
      </select>
    </div>
  );
}
