import { sectionLine, sectionLink } from '../../net/sections.js';
import { useHall } from '../../state/hall.js';
import { CopyLink } from '../CopyLink.js';

/**
 * While an event fills several sections: which one this is, how many attend in all, and a link
 * that brings a friend into this same section. Nothing while the event has one.
 */
export function SectionStatus() {
  const section = useHall((s) => s.section);
  const sections = useHall((s) => s.sections);
  const attending = useHall((s) => s.attending);
  const line = sectionLine(section, sections, attending);
  if (!line) return null;
  return (
    <div className="section-status">
      <p className="muted" role="status" aria-live="off" data-section={section}>{line}</p>
      <CopyLink
        link={sectionLink(window.location.origin, window.location.pathname, section)}
        label="Link to this section" fieldLabel="Link to this section of the event" className="compact"
      />
    </div>
  );
}
