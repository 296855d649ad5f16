import { useFrame } from '@react-three/fiber';
import { useRef } from 'react';
import { Vector3, type Sprite } from 'three';
import { useGraphics } from '../state/graphics.js';
import { world, type RemoteAvatar } from '../state/world.js';
import { nameTag } from './nameTagTexture.js';
import { inside, newRect, readExhibitRect, stageScreenRect } from './tagClearance.js';

/** Tags grow with distance up to this factor (readable further off), and fade out between these distances (metres). */
const GROW_FROM = 10;
const GROW_MAX = 1.5;
const FADE_FROM = 16;
const FADE_TO = 26;
/** Closer than this (metres from the camera) a tag shrinks with distance, so it never looks bigger than at this distance: a person beside you no longer hangs a name the size of a panel over the view. */
const SHRINK_WITHIN = 6;
const screenRect = newRect();
const exhibitRect = newRect();
const at = new Vector3();

/** The most tags there are slots for; the graphics tier draws this many or fewer. */
const MAX_TAGS = 12;
const TAG_HEIGHT = 0.3; // metres
const TAG_GAP = 0.25; // between the top of the head and the tag's lower edge
const SLOTS = Array.from({ length: MAX_TAGS }, (_, i) => i);

// Scratch for choosing the nearest avatars without allocating per frame.
const chosen: (RemoteAvatar | null)[] = new Array<RemoteAvatar | null>(MAX_TAGS).fill(null);
const chosenDist: number[] = new Array<number>(MAX_TAGS).fill(Infinity);

/** Keep the `limit` remote avatars nearest to (x, z), in `chosen` (limit <= MAX_TAGS). */
function chooseNearest(x: number, z: number, limit: number): number {
  chosen.fill(null);
  chosenDist.fill(Infinity);
  let count = 0;
  for (const remote of world.remotes.values()) {
    const dx = remote.drawn.x - x;
    const dz = remote.drawn.z - z;
    const d = dx * dx + dz * dz;
    if (count < limit) {
      chosen[count] = remote;
      chosenDist[count] = d;
      count++;
      continue;
    }
    let worst = 0;
    for (let i = 1; i < limit; i++) if (chosenDist[i]! > chosenDist[worst]!) worst = i;
    if (d < chosenDist[worst]!) {
      chosen[worst] = remote;
      chosenDist[worst] = d;
    }
  }
  return count;
}

/** Name tags for the nearest few people (how many: the graphics tier): sprites with canvas-drawn names. */
export function NameTags() {
  const sprites = useRef<(Sprite | null)[]>([]);
  useFrame(({ camera }) => {
    const self = world.self.render;
    // Never over the stage screen or the exhibit being read: tags there are not drawn.
    stageScreenRect(screenRect, world.layout, camera);
    readExhibitRect(exhibitRect, camera);
    const limit = Math.min(MAX_TAGS, useGraphics.getState().settings.nameTags);
    const count = world.selfReady ? chooseNearest(self.x, self.z, limit) : 0;
    for (let i = 0; i < MAX_TAGS; i++) {
      const sprite = sprites.current[i];
      if (!sprite) continue;
      const remote = i < count ? chosen[i] : null;
      if (!remote) {
        sprite.visible = false;
        continue;
      }
      const tag = nameTag(remote.name, remote.role);
      if (sprite.material.map !== tag.texture) {
        sprite.material.map = tag.texture;
        sprite.material.needsUpdate = true;
      }
      // Where <Avatars> drew them: on their seat, on the stage.
      const d = remote.drawn;
      const distance = camera.position.distanceTo(at.set(d.x, d.head, d.z));
      const fade = Math.max(0, Math.min(1, (FADE_TO - distance) / (FADE_TO - FADE_FROM)));
      const height = TAG_HEIGHT * Math.min(1, distance / SHRINK_WITHIN) * Math.max(1, Math.min(GROW_MAX, distance / GROW_FROM));
      sprite.material.opacity = (remote.connected ? 1 : 0.55) * fade;
      sprite.scale.set(height * tag.aspect, height, 1);
      sprite.position.set(d.x, d.head + TAG_GAP + height / 2, d.z);
      at.copy(sprite.position).project(camera);
      sprite.visible = fade > 0 && !inside(screenRect, at.x, at.y, 0.04) && !inside(exhibitRect, at.x, at.y, 0.04);
    }
  }, -1);
  return (
    <>
      {SLOTS.map((i) => (
        <sprite
          key={i}
          ref={(s) => {
            sprites.current[i] = s;
          }}
          visible={false}
          frustumCulled={false} // a steady draw-call count: up to MAX_TAGS, whatever is in view
          renderOrder={10}
        >
          <spriteMaterial transparent depthWrite={false} toneMapped={false} /* exact colours for text and role badges */ />
        </sprite>
      ))}
    </>
  );
}
