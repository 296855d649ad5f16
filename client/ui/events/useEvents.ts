import { useCallback, useEffect, useState } from 'react';
import type { EventView } from '../../../shared/protocol/api.js';
import { api } from '../../net/account.js';
import { errorMessage } from '../errorMessage.js';

export interface EventsData {
  events: EventView[];
  /** People in each space now (by space id). */
  present: Record<string, number>;
  loading: boolean;
  error: string | null;
  reload: () => Promise<void>;
}

/** Every event (all spaces, all states), loaded on mount and on reload(). */
export function useEvents(): EventsData {
  const [events, setEvents] = useState<EventView[]>([]);
  const [present, setPresent] = useState<Record<string, number>>({});
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(async () => {
    setLoading(true);
    try {
      const { events: list, present: here } = await api('listEvents');
      setEvents(list);
      setPresent(here);
      setError(null);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setLoading(false);
    }
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { events, present, loading, error, reload };
}
