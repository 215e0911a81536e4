import type { Health, TraitName } from "../../shared/schemas/health.ts";
import { healthBandLabels as bandLabels, traitLabels } from "./vocabulary.ts";
const effectMark = { positive: "+", negative: "−", neutral: "·" } as const;

export function HealthBadge({ health }: { health: Health | null }) {
  if (!health) return <span class="badge band-insufficient_data">No score yet</span>;
  return (
    <span class={`badge band-${health.band}`} aria-label={`Health ${health.score ?? "not scored"}, ${bandLabels[health.band]}`}>
      {health.score ?? "–"} · {bandLabels[health.band]}
    </span>
  );
}

/**
 * The score with every number's reasons one click away, and what to do next:
 * in the sidebar and on the dashboard's partner page alike (CSS beside it).
 */
export function HealthPanel({ health }: { health: Health | null }) {
  if (!health) return null;
  return (
    <section class="health" aria-label="Partnership health">
      <div class="health-head">
        <HealthBadge health={health} />
        <span class="muted">confidence {Math.round(health.confidence * 100)}%</span>
      </div>
      {health.next_actions.length > 0 && (
        <ol class="next-actions" aria-label="Next actions">
          {health.next_actions.map((action) => <li key={action.text}>{action.text}</li>)}
        </ol>
      )}
      <ul class="traits">
        {(Object.keys(traitLabels) as TraitName[]).map((trait) => {
          const value = health.traits[trait];
          return (
            <li key={trait}>
              <details>
                <summary>
                  <span class="trait-name">{traitLabels[trait]}</span>
                  <span class="trait-bar" aria-hidden="true"><span style={{ width: `${value.score ?? 0}%` }} /></span>
                  <span class="trait-score">{value.score ?? "–"}</span>
                </summary>
                {value.signals.length === 0
                  ? <p class="muted">Nothing recorded that speaks to {traitLabels[trait].toLowerCase()} yet.</p>
                  : (
                    <ul class="signals">
                      {value.signals.map((signal) => (
                        <li key={signal.text} class={`signal ${signal.effect}`}>
                          <span aria-label={signal.effect}>{effectMark[signal.effect]}</span> {signal.text}
                        </li>
                      ))}
                    </ul>
                  )}
              </details>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
