import { useEffect, useState } from 'react';
import { Box3, Group, LoadingManager, Mesh, Vector3, type Material, type Object3D, type Texture } from 'three';
import { GLTFLoader } from 'three/examples/jsm/loaders/GLTFLoader.js';
import { MeshoptDecoder } from 'three/examples/jsm/libs/meshopt_decoder.module.js';

/**
 * 3D models (.glb), loaded only while someone is near and disposed when they leave. The loader
 * fetches nothing but the file itself from this site: a URL inside a model that points anywhere
 * else (an external texture) is refused rather than fetched, so a model cannot make visitors'
 * browsers call a third party. Meshopt compression is decoded locally; Draco is not enabled
 * (no decoder is loaded from a CDN), so Draco-compressed models show the placeholder.
 */

/** A model bigger than this (metres, any side) was probably made in centimetres: it is fitted to FIT_SIZE. */
const MAX_SIZE = 40;
const MIN_SIZE = 0.02;
const FIT_SIZE = 1.6;

function allowed(url: string): boolean {
  if (url.startsWith('data:') || url.startsWith('blob:')) return true;
  try {
    return new URL(url, location.href).origin === location.origin;
  } catch {
    return false;
  }
}

const manager = new LoadingManager();
manager.setURLModifier((url) => (allowed(url) ? url : 'data:,'));
const loader = new GLTFLoader(manager);
loader.setMeshoptDecoder(MeshoptDecoder);

function disposeMaterial(m: Material): void {
  for (const value of Object.values(m)) {
    if (value && typeof value === 'object' && (value as Texture).isTexture) (value as Texture).dispose();
  }
  m.dispose();
}

/** Free everything a loaded model holds on the GPU. */
export function disposeModel(root: Object3D): void {
  root.traverse((o) => {
    if (!(o instanceof Mesh)) return;
    o.geometry.dispose();
    const materials: Material[] = Array.isArray(o.material) ? o.material : [o.material];
    for (const m of materials) disposeMaterial(m);
  });
}

const box = new Box3();
const size = new Vector3();
const centre = new Vector3();

/** The model standing on y = 0, centred over its transform's point, casting shadows. */
function placed(scene: Object3D): { root: Group; height: number; depth: number } {
  scene.traverse((o) => {
    if (o instanceof Mesh) {
      o.castShadow = true;
      o.receiveShadow = true;
    }
  });
  box.setFromObject(scene);
  box.getSize(size);
  const largest = Math.max(size.x, size.y, size.z);
  const fit = largest > MAX_SIZE || (largest > 0 && largest < MIN_SIZE) ? FIT_SIZE / largest : 1;
  box.getCenter(centre);
  const root = new Group();
  scene.scale.multiplyScalar(fit);
  scene.position.set(-centre.x * fit, -box.min.y * fit, -centre.z * fit);
  root.add(scene);
  return { root, height: size.y * fit, depth: size.z * fit };
}

export interface LoadedModel { root: Group; height: number; depth: number }

/** The model at `url` once loaded (null before, when `url` is null, or on failure). */
export function useLazyModel(url: string | null): { model: LoadedModel | null; failed: boolean } {
  const [state, setState] = useState<{ url: string; model: LoadedModel | null; failed: boolean } | null>(null);
  useEffect(() => {
    if (!url) return undefined;
    let live = true;
    let loaded: LoadedModel | null = null;
    loader.loadAsync(url).then(
      (gltf) => {
        loaded = placed(gltf.scene);
        if (live) setState({ url, model: loaded, failed: false });
        else disposeModel(loaded.root);
      },
      () => {
        if (live) setState({ url, model: null, failed: true });
      },
    );
    return () => {
      live = false;
      if (loaded) disposeModel(loaded.root);
    };
  }, [url]);
  if (!url || state?.url !== url) return { model: null, failed: false };
  return { model: state.model, failed: state.failed };
}
