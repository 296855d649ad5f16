import { useId, useState } from 'react';
import type { GraphicsChoice, LowTierReason } from '../state/graphicsTier.js';
import { automaticTier, chooseGraphics, useGraphics } from '../state/graphics.js';

const LABEL: Record<GraphicsChoice, string> = { auto: 'Automatic', low: 'Low', high: 'High' };
const WHY: Record<LowTierReason, string> = {
  handheld: 'a phone or small tablet',
  'little memory': 'a device with little memory',
  'software rendering': 'a browser drawing without a graphics card',
};

/**
 * The visitor's graphics tier: automatic (low on phones, small tablets, little memory and
 * software rendering, saying which), or low or high by choice, remembered in this browser.
 * Behind a "View" button in the header, out of the way.
 */
export function GraphicsSetting() {
  const [open, setOpen] = useState(false);
  const choice = useGraphics((s) => s.choice);
  const settings = useGraphics((s) => s.settings);
  const panelId = useId();
  const selectId = useId();
  return (
    <div className="view-settings">
      <button type="button" className="secondary small" aria-expanded={open} aria-controls={open ? panelId : undefined} onClick={() => setOpen(!open)}>
        View
      </button>
      {open && (
        <div id={panelId} className="panel view-settings-panel">
          <label htmlFor={selectId}>Graphics</label>
          <select id={selectId} value={choice} onChange={(e) => chooseGraphics(e.target.value as GraphicsChoice)}>
            {(['auto', 'low', 'high'] as const).map((c) => (
              <option key={c} value={c}>
                {c === 'auto' ? `${LABEL.auto} (${LABEL[automaticTier()].toLowerCase()} here)` : LABEL[c]}
              </option>
            ))}
          </select>
          <p className="hint">
            {settings.tier === 'low'
              ? `Low: no shadows, lower resolution, plain panels, ${settings.nameTags} name tags. Easier on the battery.`
              : `High: shadows, full resolution, ${settings.nameTags} name tags.`}
          </p>
          {settings.automatic && settings.because.length > 0 && (
            <p className="hint">Chosen for {settings.because.map((r) => WHY[r]).join(' and ')}.</p>
          )}
        </div>
      )}
    </div>
  );
}
