import { BufferAttribute, BufferGeometry, Points, ShaderMaterial, type PerspectiveCamera } from 'three';
import { ICON_COLUMNS, ICON_ROWS, iconAtlas } from './iconAtlas.js';

const VERTEX = /* glsl */ `
attribute float size;
attribute float alpha;
attribute float icon;
uniform float scale;
uniform float maxSize;
varying float vAlpha;
varying float vIcon;
void main() {
  vAlpha = alpha;
  vIcon = icon;
  vec4 mv = modelViewMatrix * vec4(position, 1.0);
  // Metres in the world, but never more than a finger's width on screen up close.
  gl_PointSize = min(maxSize, size * scale / max(0.1, -mv.z));
  gl_Position = projectionMatrix * mv;
}`;

const FRAGMENT = /* glsl */ `
uniform sampler2D atlas;
varying float vAlpha;
varying float vIcon;
void main() {
  vec2 cell = vec2(mod(vIcon, ${ICON_COLUMNS.toFixed(1)}), floor(vIcon / ${ICON_COLUMNS.toFixed(1)}));
  vec2 uv = vec2((cell.x + gl_PointCoord.x) / ${ICON_COLUMNS.toFixed(1)}, 1.0 - (cell.y + gl_PointCoord.y) / ${ICON_ROWS.toFixed(1)});
  vec4 c = texture2D(atlas, uv);
  float a = c.a * vAlpha;
  if (a < 0.02) discard;
  gl_FragColor = vec4(c.rgb, a);
}`;

/** The largest an icon may be drawn, as a share of the view's height. */
const MAX_SHARE = 0.075;

/**
 * Many camera-facing icons (raised hands, reactions) in one draw call: a Points cloud whose
 * points each pick a cell of the icon atlas and carry their own size (metres) and opacity.
 * Write points with set(), then show the first n with commit(n).
 */
export class IconCloud {
  readonly points: Points;
  private readonly position: BufferAttribute;
  private readonly size: BufferAttribute;
  private readonly alpha: BufferAttribute;
  private readonly icon: BufferAttribute;
  private readonly material: ShaderMaterial;

  constructor(readonly capacity: number) {
    const geometry = new BufferGeometry();
    this.position = new BufferAttribute(new Float32Array(capacity * 3), 3);
    this.size = new BufferAttribute(new Float32Array(capacity), 1);
    this.alpha = new BufferAttribute(new Float32Array(capacity), 1);
    this.icon = new BufferAttribute(new Float32Array(capacity), 1);
    geometry.setAttribute('position', this.position);
    geometry.setAttribute('size', this.size);
    geometry.setAttribute('alpha', this.alpha);
    geometry.setAttribute('icon', this.icon);
    geometry.setDrawRange(0, 0);
    this.material = new ShaderMaterial({
      uniforms: { atlas: { value: iconAtlas() }, scale: { value: 500 }, maxSize: { value: 48 } },
      vertexShader: VERTEX,
      fragmentShader: FRAGMENT,
      transparent: true,
      depthWrite: false,
    });
    this.points = new Points(geometry, this.material);
    this.points.frustumCulled = false;
    this.points.renderOrder = 11; // over name tags
  }

  set(i: number, x: number, y: number, z: number, icon: number, size: number, alpha: number): void {
    this.position.setXYZ(i, x, y, z);
    this.size.setX(i, size);
    this.alpha.setX(i, alpha);
    this.icon.setX(i, icon);
  }

  /** Draw the first n points; `heightPx` is the drawing buffer's height, so sizes stay in metres. */
  commit(n: number, camera: PerspectiveCamera, heightPx: number): void {
    this.points.geometry.setDrawRange(0, n);
    this.points.visible = n > 0;
    this.material.uniforms.scale!.value = heightPx / (2 * Math.tan((camera.fov * Math.PI) / 360));
    this.material.uniforms.maxSize!.value = Math.max(24, heightPx * MAX_SHARE);
    if (n === 0) return;
    this.position.needsUpdate = true;
    this.size.needsUpdate = true;
    this.alpha.needsUpdate = true;
    this.icon.needsUpdate = true;
  }

  dispose(): void {
    this.points.geometry.dispose();
    this.material.dispose();
  }
}
