import { useCallback, useEffect, useState } from 'react';
import type { EventRecord } from '../../../shared/protocol/api.js';
import { api } from '../../net/account.js';
import { errorMessage } from '../errorMessage.js';

export interface RecordData {
  record: EventRecord | null;
  loading: boolean;
  error: string | null;
  reload: () => Promise<void>;
}

/** One event's public record (GET /api/events/:id/record). */
export function useEventRecord(id: string): RecordData {
  const [record, setRecord] = useState<EventRecord | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(async () => {
    setLoading(true);
    try {
      setRecord(await api('eventRecord', { params: { id } }));
      setError(null);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setLoading(false);
    }
  }, [id]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { record, loading, error, reload };
}
