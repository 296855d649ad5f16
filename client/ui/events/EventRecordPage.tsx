import { pathFor } from '../../../shared/protocol/apiClient.js';
import { API } from '../../../shared/protocol/api.js';
import { apiOrigin } from '../../net/spaces.js';
import { useMe } from '../../state/account.js';
import { AccountLinks } from '../AccountLinks.js';
import { FormError } from '../FormError.js';
import { formatTime } from '../formatTime.js';
import { Link } from '../Link.js';
import { FloorRecord } from './FloorRecord.js';
import { QuestionRecord } from './QuestionRecord.js';
import { LostEvent } from './LostEvent.js';
import { useEventRecord } from './useEventRecord.js';

const STATE_LABEL = { scheduled: 'Scheduled', live: 'Live', ended: 'Ended' } as const;

/** `/events/<id>`: the public record of one event: questions and votes, floor turns, equal time. */
export function EventRecordPage({ id }: { id: string }) {
  const me = useMe();
  const { record, loading, error, missing, reload } = useEventRecord(id);
  if (missing) return <LostEvent id={id} />;
  const csv = `${apiOrigin()}${pathFor(API.eventRecordCsv.path, { id })}`;
  const event = record?.event;
  return (
    <div className="admin events-page">
      <header className="admin-bar">
        <div>
          <p className="muted"><Link href="/events">All events</Link></p>
          <h1>{event?.title ?? 'Event record'}</h1>
          {event && (
            <p className="muted">
              <span className={`event-state state-${event.state}`}>{STATE_LABEL[event.state]}</span>
              {' · '}
              {event.state === 'scheduled' && `Starts ${formatTime(event.startsAt)}`}
              {event.startedAt && `Started ${formatTime(event.startedAt)}`}
              {event.endedAt && ` · ended ${formatTime(event.endedAt)}`}
            </p>
          )}
        </div>
        {me && <AccountLinks me={me} />}
      </header>
      <main className="admin-main" aria-busy={loading ? true : undefined}>
        <FormError message={error} />
        {record && (
          <>
            {event?.description && <p className="event-description panel admin-section">{event.description}</p>}
            <div className="record-actions">
              <a className="button" href={csv} download={`event-${id}.csv`}>Download CSV</a>
              <button type="button" className="secondary" onClick={() => void reload()}>Refresh</button>
            </div>
            <QuestionRecord questions={record.questions} dismissed={record.dismissedCount} ended={record.event.state === 'ended'} />
            <FloorRecord turns={record.floorTurns} equalTime={record.equalTime} />
          </>
        )}
      </main>
    </div>
  );
}
