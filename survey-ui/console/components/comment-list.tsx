import type { ReportComment } from "../../../shared/contract/reports.js";
import { formatLocalDay } from "../lib/format-date.js";
import { useT } from "../lib/use-t.js";

/** The latest comments, as stored: personal numbers were masked before anyone could read them. */
export function CommentList({ comments }: { comments: readonly ReportComment[] }) {
  const { lang, tr } = useT();
  return (
    <ul class="comments">
      {comments.map((comment) => (
        <li key={`${comment.day}:${comment.point_code}:${comment.submitted_at}:${comment.comment}`}>
          <blockquote lang={comment.lang === "zh" ? "zh-Hans" : comment.lang}>{comment.comment}</blockquote>
          <p class="muted">
            {formatLocalDay(lang, comment.day)} · {comment.unit_name} · {comment.point_label}
            {comment.service_name ? ` · ${comment.service_name}` : ""}
            {comment.comment_has_pii && <span class="tag">{tr("console.dashboard.masked")}</span>}
          </p>
        </li>
      ))}
    </ul>
  );
}
