import { useId } from 'react';
import {
  BOTTOM_COLOURS, HAIR_COLOURS, HAIR_STYLES, SKIN_TONES, TOP_COLOURS, type AvatarLook,
} from '../../shared/protocol/look.js';

const TOP_NAMES = ['red', 'orange', 'yellow', 'green', 'teal', 'blue', 'indigo', 'purple', 'pink', 'white', 'grey', 'navy'];
const BOTTOM_NAMES = ['charcoal', 'denim', 'brown', 'olive', 'stone', 'black', 'burgundy', 'cream'];
const SKIN_NAMES = ['lightest', 'light', 'medium light', 'medium', 'medium dark', 'dark'];
const HAIR_COLOUR_NAMES = ['black', 'dark brown', 'light brown', 'blond', 'red', 'grey', 'blue', 'pink'];
const STYLE_NAMES: Record<typeof HAIR_STYLES[number], string> = { short: 'Short hair', long: 'Long hair', bun: 'Bun', cap: 'Cap', beanie: 'Beanie', none: 'None' };

type Field = keyof AvatarLook;

function Swatches({ legend, field, colours, names, look, onChange }: {
  legend: string; field: Field; colours: readonly string[]; names: string[]; look: AvatarLook; onChange: (look: AvatarLook) => void;
}) {
  const group = useId();
  return (
    <fieldset className="look-row">
      <legend>{legend}</legend>
      {colours.map((colour, i) => (
        <label key={colour} className="look-swatch" style={{ background: colour }} title={names[i]}>
          <input type="radio" name={group} checked={look[field] === i} aria-label={`${legend}: ${names[i]}`} onChange={() => onChange({ ...look, [field]: i })} />
        </label>
      ))}
    </fieldset>
  );
}

/** Clothing colours, a skin tone, a hair or hat shape and its colour: radio groups a keyboard can reach. */
export function LookPicker({ look, onChange }: { look: AvatarLook; onChange: (look: AvatarLook) => void }) {
  const group = useId();
  return (
    <div className="look-picker">
      <Swatches legend="Top" field="top" colours={TOP_COLOURS} names={TOP_NAMES} look={look} onChange={onChange} />
      <Swatches legend="Trousers" field="bottom" colours={BOTTOM_COLOURS} names={BOTTOM_NAMES} look={look} onChange={onChange} />
      <Swatches legend="Skin" field="skin" colours={SKIN_TONES} names={SKIN_NAMES} look={look} onChange={onChange} />
      <fieldset className="look-row">
        <legend>Hair or hat</legend>
        {HAIR_STYLES.map((style, i) => (
          <label key={style} className="look-style">
            <input type="radio" name={group} checked={look.hair === i} onChange={() => onChange({ ...look, hair: i })} />
            {STYLE_NAMES[style]}
          </label>
        ))}
      </fieldset>
      <Swatches legend="Hair or hat colour" field="hairColour" colours={HAIR_COLOURS} names={HAIR_COLOUR_NAMES} look={look} onChange={onChange} />
    </div>
  );
}
