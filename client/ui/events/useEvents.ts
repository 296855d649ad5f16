import { useCallback, useEffect, useState } from 'react';
import type { EventView } from '../../../shared/protocol/api.js';
import { api } from '../../net/account.js';
import { errorMessage } from '../errorMessage.js';

export interface EventsData {
  events: EventView[];
  loading: boolean;
  error: string | null;
  reload: () => Promise<void>;
}

/** Every event (all spaces, all states), loaded on mount and on reload(). */
export function useEvents(): EventsData {
  const [events, setEvents] = useState<EventView[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(async () => {
    setLoading(true);
    try {
      const { events: list } = await api('listEvents');
      setEvents(list);
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
  return { events, loading, error, reload };
}
