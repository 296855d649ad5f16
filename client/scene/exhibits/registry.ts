import type { Object3D } from 'three';

/**
 * The scene objects of the exhibits drawn in detail, by exhibit id: the <group> each exhibit
 * component places at its transform (position, rotation, scale). The editor attaches its gizmo
 * to the selected one (the selected exhibit is always drawn in detail, so it is here once it
 * has mounted); `onExhibitObjects` says when entries come and go.
 */
export const exhibitObjects = new Map<string, Object3D>();

const listeners = new Set<() => void>();

/** Call `fn` whenever an exhibit's object is registered or removed; returns the cleanup. */
export function onExhibitObjects(fn: () => void): () => void {
  listeners.add(fn);
  return () => {
    listeners.delete(fn);
  };
}

/** A ref callback for an exhibit's group (React 19: the returned function unregisters it). */
export function registerExhibit(id: string) {
  return (object: Object3D | null): (() => void) | undefined => {
    if (!object) return undefined;
    exhibitObjects.set(id, object);
    for (const fn of listeners) fn();
    return () => {
      if (exhibitObjects.get(id) === object) exhibitObjects.delete(id);
      for (const fn of listeners) fn();
    };
  };
}
