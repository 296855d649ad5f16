import { useFrame } from '@react-three/fiber';
import { useRef } from 'react';
import type { Sprite } from 'three';
import { useGraphics } from '../state/graphics.js';
import { world, type RemoteAvatar } from '../state/world.js';
import { nameTag } from './nameTagTexture.js';

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
  useFrame(() => {
    const self = world.self.render;
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
      sprite.material.opacity = remote.connected ? 1 : 0.55;
      sprite.scale.set(TAG_HEIGHT * tag.aspect, TAG_HEIGHT, 1);
      // Where <Avatars> drew them: on their seat, on the stage.
      const at = remote.drawn;
      sprite.position.set(at.x, at.head + TAG_GAP + TAG_HEIGHT / 2, at.z);
      sprite.visible = true;
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
