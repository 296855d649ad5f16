import { useId, useState, type FormEvent } from 'react';
import { api } from '../../net/account.js';
import type { SpaceSummary } from '../../net/spaces.js';
import { ActionResult } from '../admin/ActionResult.js';
import { useAction } from '../admin/useAction.js';
import { Field } from '../Field.js';
import { SelectField } from '../SelectField.js';

/** The local date and time an hour from now, as the date and time inputs want them. */
function inAnHour(): { date: string; time: string } {
  const d = new Date(Date.now() + 3600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return { date: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`, time: `${pad(d.getHours())}:00` };
}

/** Hosts and moderators schedule an event in a town hall they look after. */
export function ScheduleEventForm({ spaces, onScheduled }: { spaces: SpaceSummary[]; onScheduled: () => Promise<void> }) {
  const action = useAction(onScheduled);
  const [start] = useState(inAnHour);
  const [spaceId, setSpaceId] = useState(spaces[0]?.id ?? '');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [date, setDate] = useState(start.date);
  const [time, setTime] = useState(start.time);
  const [autoApprove, setAutoApprove] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const titleId = useId();
  const descriptionId = useId();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (action.busy) return;
    const at = new Date(`${date}T${time}`);
    if (!date || !time || Number.isNaN(at.getTime())) {
      setProblem('Give the start as a date and a time.');
      return;
    }
    setProblem(null);
    const where = spaceId || spaces[0]?.id || '';
    void action.run(
      () => api('createEvent', { body: { spaceId: where, title, description, startsAt: at.toISOString(), autoApprove } }),
      `“${title.trim()}” is scheduled.`,
    ).then((ok) => {
      if (ok) {
        setTitle('');
        setDescription('');
      }
    });
  };

  return (
    <section className="panel admin-section" aria-labelledby={titleId}>
      <h2 id={titleId}>Schedule an event</h2>
      <form className="admin-form schedule" onSubmit={submit} noValidate aria-label="Schedule an event">
        {spaces.length > 1 && (
          <SelectField label="Town hall" value={spaceId} onChange={(e) => setSpaceId(e.target.value)}>
            {spaces.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
          </SelectField>
        )}
        <Field label="Title" value={title} maxLength={120} onChange={(e) => setTitle(e.target.value)} className="wide" />
        <div className="field wide">
          <label htmlFor={descriptionId}>Description</label>
          <textarea id={descriptionId} rows={3} maxLength={2000} value={description} onChange={(e) => setDescription(e.target.value)} />
        </div>
        <Field label="Start date" type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        <Field label="Start time" type="time" value={time} onChange={(e) => setTime(e.target.value)} hint="Your local time." />
        <label className="check wide">
          <input type="checkbox" checked={autoApprove} onChange={(e) => setAutoApprove(e.target.checked)} />
          Approve questions automatically (flagged ones still wait for a moderator)
        </label>
        <div className="form-actions">
          <button type="submit" disabled={action.busy}>Schedule event</button>
        </div>
      </form>
      {problem && <p className="form-error" role="alert">{problem}</p>}
      <ActionResult action={action} />
    </section>
  );
}
