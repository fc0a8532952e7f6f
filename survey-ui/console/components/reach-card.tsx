import type { SipasRow } from "../../../shared/contract/reports.js";
import { formatCount, formatFigure, useT } from "../lib/use-t.js";

// How many of those served answered, and through which channel (issue 18): both straight from report
// rows (by=total's served and response_rate, by=channel's respondents).

/** The response rate of the selection and its channel mix. */
export function ReachCard({ total, channels }: { total: SipasRow; channels: SipasRow[] }) {
  const { lang, tr } = useT();
  const all = channels.reduce((sum, row) => sum + row.respondents, 0);
  const rate = total.response_rate ?? null;
  return (
    <section class="panel dashboard-section reach" aria-labelledby="reach-title">
      <div class="grid-2">
        <div>
          <h2 id="reach-title">{tr("paper.dashboard.responseRate")}</h2>
          <p class="summary-index" data-testid="response-rate">
            {rate === null ? "—" : `${formatFigure(lang, rate * 100, 1)} %`}
          </p>
          <p>
            {total.served === null || total.served === undefined
              ? tr("paper.dashboard.noServed")
              : tr("paper.dashboard.served", {
                  respondents: formatCount(lang, total.respondents),
                  served: formatCount(lang, total.served),
                })}
          </p>
        </div>
        <div>
          <h2 id="channels-title">{tr("paper.dashboard.channels")}</h2>
          <table class="channel-mix" aria-labelledby="channels-title">
            <tbody>
              {channels.map((row) => {
                const channel = (row as SipasRow<"channel">).channel as "qr";
                const share = all > 0 ? (row.respondents / all) * 100 : 0;
                return (
                  <tr key={channel} data-channel={channel}>
                    <th scope="row">{tr(`paper.channels.${channel}`)}</th>
                    <td class="channel-mix__count">{formatCount(lang, row.respondents)}</td>
                    <td class="channel-mix__bar">
                      <span style={{ width: `${share}%` }} />
                    </td>
                    <td class="channel-mix__share">{formatFigure(lang, share, 0)} %</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </div>
    </section>
  );
}
