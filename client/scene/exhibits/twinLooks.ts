import { BoxGeometry, Color, CylinderGeometry, MeshStandardMaterial, RingGeometry } from 'three';

/**
 * The digital twin's table: a round top on a pedestal, a ring road on it (the charging zone's
 * ring), a slanted console at the front with the levers and a board behind with the numbers.
 * Sizes in metres in the exhibit's frame (front +z).
 */
export const TWIN = {
  radius: 1.15,
  top: 0.82,
  road: { inner: 0.86, outer: 1.04 },
  board: { width: 2.1, height: 1.15, bottom: 1.2, z: -1.5 },
  console: { z: 1.34, y: 0.94, width: 1.7 },
} as const;

const once = <T,>(build: () => T) => {
  let v: T | undefined;
  return () => (v ??= build());
};

export const tableTop = once(() => {
  const g = new CylinderGeometry(TWIN.radius, TWIN.radius, 0.05, 72);
  g.translate(0, TWIN.top - 0.025, 0);
  return g;
});
export const pedestal = once(() => {
  const g = new CylinderGeometry(0.32, 0.45, TWIN.top - 0.05, 32);
  g.translate(0, (TWIN.top - 0.05) / 2, 0);
  return g;
});
export const roadRing = once(() => {
  const g = new RingGeometry(TWIN.road.inner, TWIN.road.outer, 128);
  g.rotateX(-Math.PI / 2);
  g.translate(0, TWIN.top + 0.002, 0);
  return g;
});
/** The town inside the ring: a disc a shade lighter than the table. */
export const townDisc = once(() => {
  const g = new CylinderGeometry(TWIN.road.inner - 0.03, TWIN.road.inner - 0.03, 0.01, 64);
  g.translate(0, TWIN.top + 0.004, 0);
  return g;
});
export const boardBox = once(() => {
  const { width, height, bottom, z } = TWIN.board;
  const g = new BoxGeometry(width, height, 0.05);
  g.translate(0, bottom + height / 2, z);
  return g;
});
export const boardPost = once(() => {
  const { bottom, z } = TWIN.board;
  const g = new BoxGeometry(0.08, bottom, 0.06);
  g.translate(0, bottom / 2, z);
  return g;
});

export const TABLE = new MeshStandardMaterial({ color: '#ece7de', roughness: 0.7 });
export const TABLE_LIT = new MeshStandardMaterial({ color: '#ece7de', roughness: 0.7, emissive: '#7fd8ff', emissiveIntensity: 0.08 });
export const WOOD = new MeshStandardMaterial({ color: '#4a3b2f', roughness: 0.6 });
export const ROAD = new MeshStandardMaterial({ color: '#3b4148', roughness: 0.92 });
export const TOWN = new MeshStandardMaterial({ color: '#cfe0d2', roughness: 0.9 });
export const BOARD = new MeshStandardMaterial({ color: '#fbf7ee', roughness: 0.85 });
export const CARS = new MeshStandardMaterial({ roughness: 0.5, metalness: 0.1 });
export const BUTTON = new MeshStandardMaterial({ color: '#2f6f86', roughness: 0.5 });
export const BUTTON_HOT = new MeshStandardMaterial({ color: '#3f8fab', roughness: 0.5, emissive: '#7fd8ff', emissiveIntensity: 0.25 });

const SLOW = new Color('#d1495b');
const MID = new Color('#edae49');
const FAST = new Color('#3aa17e');

/** Speed as colour: red when stopped, amber at half the top speed, green at the top. */
export function speedColour(speed: number, out: Color): Color {
  const s = Math.min(1, Math.max(0, speed));
  return s < 0.5 ? out.copy(SLOW).lerp(MID, s * 2) : out.copy(MID).lerp(FAST, (s - 0.5) * 2);
}

export const GAIN = '#3aa17e';
export const LOSS = '#c8553d';
