import { useEffect } from 'react';
import { useExhibits } from '../../state/exhibits.js';
import { useTouch, watchTouch } from '../../state/touch.js';
import { showToast } from '../../state/ui.js';
import { TouchExhibitButton } from './TouchExhibitButton.js';
import { TouchJoystick } from './TouchJoystick.js';

const INTRODUCED_KEY = 'hustings:touch-introduced';

/** Say once per browser how touch works here (the controls explain themselves after that). */
function introduceOnce(townhall: boolean): void {
  try {
    if (localStorage.getItem(INTRODUCED_KEY)) return;
    localStorage.setItem(INTRODUCED_KEY, '1');
  } catch {
    return; // no storage: better silent than the same note on every visit
  }
  showToast(townhall
    ? 'Drag the stick to walk, drag the view to look around, tap a free seat to sit.'
    : 'Drag the stick to walk, drag the view to look around, tap an exhibit to open it.');
}

/** Phones and tablets: the thumb stick and the exhibit button (drag-to-look and taps work on the canvas itself). */
export function TouchControls({ townhall }: { townhall: boolean }) {
  const touch = useTouch((s) => s.touch);
  const editing = useExhibits((s) => s.editMode);
  useEffect(() => watchTouch(), []);
  useEffect(() => {
    if (touch) introduceOnce(townhall);
  }, [touch, townhall]);
  if (!touch || editing) return null;
  return (
    <>
      <TouchJoystick />
      <TouchExhibitButton />
    </>
  );
}
