import { useThree } from '@react-three/fiber';
import { useEffect } from 'react';
import { attachDragLook, attachKeyboard } from '../input/controls.js';

/** Wires keyboard and drag-to-look to the canvas for as long as the scene is shown. */
export function DragLook() {
  const el = useThree((s) => s.gl.domElement);
  useEffect(() => attachDragLook(el), [el]);
  useEffect(() => attachKeyboard(), []);
  return null;
}
