import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Prometheus metrics for one server process; served at /metrics. */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    rooms: new Gauge({ name: 'hustings_rooms', help: 'Space rooms open in this process', registers: [registry] }),
    clients: new Gauge({ name: 'hustings_clients', help: 'Clients connected to space rooms', registers: [registry] }),
    tickSeconds: new Histogram({
      name: 'hustings_tick_duration_seconds',
      help: 'Duration of one simulation tick of a space room (inputs, movement, portals, patch encode and send)',
      buckets: [0.0001, 0.00025, 0.0005, 0.00075, 0.001, 0.0015, 0.002, 0.003, 0.004, 0.005, 0.0075, 0.01, 0.015, 0.02, 0.03, 0.05, 0.1],
      registers: [registry],
    }),
    /** The same ticks per room (the load tool reports sections one by one); a room's series goes when the room does. */
    roomTickSeconds: new Histogram({
      name: 'hustings_room_tick_duration_seconds',
      help: 'Duration of one simulation tick, per open space room (room id)',
      labelNames: ['room'] as const,
      buckets: [0.0001, 0.00025, 0.0005, 0.00075, 0.001, 0.0015, 0.002, 0.003, 0.004, 0.005, 0.0075, 0.01, 0.015, 0.02, 0.03, 0.05, 0.1],
      registers: [registry],
    }),
    inputsApplied: new Counter({ name: 'hustings_move_inputs_applied_total', help: 'Movement inputs applied in room ticks', registers: [registry] }),
    avatarWindows: new Counter({
      name: 'hustings_avatar_windows_total',
      help: 'Per one-second window and connected avatar: counted once, and under moving="all", and under moving="yes" if it moved in that window',
      labelNames: ['moving'] as const, registers: [registry],
    }),
    patchBytes: new Counter({ name: 'hustings_patch_bytes_total', help: 'Bytes sent to clients over the room sockets: state patches, full states and messages', registers: [registry] }),
    messagesRejected: new Counter({
      name: 'hustings_messages_rejected_total', help: 'Client messages refused, by reason', labelNames: ['reason'] as const, registers: [registry],
    }),
    disconnectsForced: new Counter({
      name: 'hustings_forced_disconnects_total', help: 'Clients disconnected by the server, by reason', labelNames: ['reason'] as const, registers: [registry],
    }),
  };
}
export type Metrics = ReturnType<typeof createMetrics>;
