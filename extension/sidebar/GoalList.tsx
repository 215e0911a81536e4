import { goalFigures, relativeDay } from "../../shared/display-format.ts";
import type { LookupMatch } from "../../shared/schemas/lookup.ts";

export function GoalList({ goals }: { goals: LookupMatch["goals"] }) {
  return (
    <section aria-label="Shared goals">
      <h3 class="visually-hidden">Shared goals</h3>
      {goals.length === 0 ? <p class="muted">No shared goals yet.</p> : (
        <ul class="goals">
          {goals.map((goal) => {
            const progress = goal.target && goal.current !== null ? Math.max(0, Math.min(100, Math.round((goal.current / goal.target) * 100))) : null;
            return (
              <li key={goal.id}>
                <span class="title">{goal.title}</span>
                {progress !== null && (
                  <span class="progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={progress} aria-label={`${goal.title} progress`}>
                    <span style={{ width: `${progress}%` }} />
                  </span>
                )}
                <span class="muted">{goalFigures(goal.current, goal.target)}{goal.metric ? ` ${goal.metric}` : ""}{goal.due_on ? ` · due ${relativeDay(goal.due_on, new Date())}` : ""}</span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
