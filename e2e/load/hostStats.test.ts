import { describe, expect, it } from 'vitest';
import { commandCalls, commandRates, infoNumber, parseProcStat, parseRedisInfo } from './hostStats.js';
import { histogramQuantile, histogramSeries, labelValues, parsePrometheus, seriesLabels } from './metrics.js';

const INFO = [
  '# Stats', 'total_commands_processed:1000', 'instantaneous_ops_per_sec:42', '',
  '# CPU', 'used_cpu_sys:1.500000', 'used_cpu_user:2.250000', '',
  '# Commandstats',
  'cmdstat_publish:calls=600,usec=1200,usec_per_call=2.00,rejected_calls=0,failed_calls=0',
  'cmdstat_hset:calls=30,usec=90,usec_per_call=3.00,rejected_calls=0,failed_calls=0',
  'cmdstat_client|setname:calls=2,usec=1,usec_per_call=0.5,rejected_calls=0,failed_calls=0',
].join('\r\n');

describe('Redis INFO', () => {
  it('reads fields across sections, with CRLF lines', () => {
    const info = parseRedisInfo(INFO);
    expect(infoNumber(info, 'total_commands_processed')).toBe(1000);
    expect(infoNumber(info, 'used_cpu_sys') + infoNumber(info, 'used_cpu_user')).toBe(3.75);
    expect(infoNumber(info, 'no_such_field')).toBeNaN();
  });

  it('reads calls per command, subcommands included', () => {
    expect(commandCalls(parseRedisInfo(INFO))).toEqual(new Map([['publish', 600], ['hset', 30], ['client|setname', 2]]));
  });

  it('gives commands per second between two readings, busiest first', () => {
    const before = parseRedisInfo(INFO);
    const after = parseRedisInfo(INFO.replace('calls=600', 'calls=1600').replace('calls=30,', 'calls=50,'));
    expect(commandRates(before, after, 10, 5)).toEqual({ publish: 100, hset: 2 });
    expect(Object.keys(commandRates(before, after, 10, 1))).toEqual(['publish']);
  });
});

describe('/proc/<pid>/stat', () => {
  it('reads ppid and CPU ticks after the command name, even one with spaces and parentheses', () => {
    const line = '4242 (postgres: a (b) c) S 4000 4242 4242 0 -1 4194560 100 0 0 0 150 50 7 3 20 0 1 0 100 1000 200';
    expect(parseProcStat(line)).toEqual({ ppid: 4000, ownTicks: 200, childTicks: 10 });
  });

  it('refuses what is not a stat line', () => {
    expect(() => parseProcStat('garbage')).toThrow(/stat/);
  });
});

describe('a labelled histogram per room', () => {
  const text = (n: number) => [
    '# TYPE hustings_room_tick_duration_seconds histogram',
    `hustings_room_tick_duration_seconds_bucket{le="0.001",room="a"} ${n}`,
    `hustings_room_tick_duration_seconds_bucket{le="0.01",room="a"} ${2 * n}`,
    `hustings_room_tick_duration_seconds_bucket{le="+Inf",room="a"} ${2 * n}`,
    `hustings_room_tick_duration_seconds_sum{room="a"} 0.5`,
    `hustings_room_tick_duration_seconds_count{room="a"} ${2 * n}`,
    'hustings_room_tick_duration_seconds_bucket{le="0.001",room="b"} 0',
    `hustings_room_tick_duration_seconds_bucket{le="0.01",room="b"} 0`,
    `hustings_room_tick_duration_seconds_bucket{le="+Inf",room="b"} ${n}`,
    `hustings_room_tick_duration_seconds_count{room="b"} ${n}`,
    'hustings_tick_duration_seconds_count 7',
  ].join('\n');

  it('lists the rooms and reads one room as its own histogram', () => {
    const before = parsePrometheus(text(10));
    const after = parsePrometheus(text(60));
    expect(labelValues('hustings_room_tick_duration_seconds', 'room', after)).toEqual(['a', 'b']);
    const a = (s: Map<string, number>) => histogramSeries('hustings_room_tick_duration_seconds', 'room', 'a', s);
    expect(a(after).get('hustings_room_tick_duration_seconds_bucket{le="0.01"}')).toBe(120);
    expect(a(after).get('hustings_room_tick_duration_seconds_count')).toBe(120);
    // Over the window: 50 ticks under 1 ms, 50 from 1 to 10 ms; the median is at the 1 ms bound.
    expect(histogramQuantile('hustings_room_tick_duration_seconds', 0.5, a(before), a(after))).toBeCloseTo(0.001, 6);
    expect(histogramQuantile('hustings_room_tick_duration_seconds', 0.99, a(before), a(after))).toBeCloseTo(0.00982, 5);
  });

  it('splits label sets whatever their order, with escaped quotes', () => {
    expect(seriesLabels('x_bucket{room="r\\"1",le="0.5"}')).toEqual({ room: 'r\\"1', le: '0.5' });
    expect(seriesLabels('x_count')).toEqual({});
  });
});
