import { useCallback, useEffect, useState } from 'react';
import type { EventRecord } from '../../../shared/protocol/api.js';
import { ApiCallError } from '../../../shared/protocol/apiClient.js';
import { api } from '../../net/account.js';
import { errorMessage } from '../errorMessage.js';

export interface RecordData {
  record: EventRecord | null;
  loading: boolean;
  error: string | null;
  /** The server answered that there is no such event (deleted, or the link names none). */
  missing: boolean;
  reload: () => Promise<void>;
}

/** One event's public record (GET /api/events/:id/record). */
export function useEventRecord(id: string): RecordData {
  const [record, setRecord] = useState<EventRecord | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  const reload = useCallback(async () => {
    setLoading(true);
    try {
      setRecord(await api('eventRecord', { params: { id } }));
      setError(null);
      setMissing(false);
    } catch (err) {
      setError(errorMessage(err));
      setMissing(err instanceof ApiCallError && (err.status === 404 || err.code === 'INVALID_INPUT'));
    } finally {
      setLoading(false);
    }
  }, [id]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { record, loading, error, missing, reload };
}
