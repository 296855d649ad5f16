/**
 * Transient VR state shared by the chunk's components (read and written in useFrame, never
 * React state): the turn the right stick has added, the seated-mode height, the vignette's
 * strength and where a ray last touched the floor.
 */
export const vrMotion = {
  /** Radians added to the view by snap turns (and by sitting down, which faces the stage). */
  originYaw: 0,
  /** Seated mode: metres added under the tracked head so it is at a seated eye height. */
  lift: 0,
  /** The seat the view was last set up for (-1 standing), and whether seated mode was on then. */
  seatedFor: -1,
  seatedMode: false,
  /** 0..1: how strongly the vignette shows now. */
  vignette: 0,
};
