/** Sound waves beside a name while that person is talking (LiveKit's active speakers). */
export function SpeakingIcon() {
  return (
    <svg className="speaking-icon" viewBox="0 0 20 20" width="16" height="16" role="img" aria-label="speaking" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round">
      <path d="M4 8v4" />
      <path className="wave wave-1" d="M8 5.5v9" />
      <path className="wave wave-2" d="M12 3.5v13" />
      <path className="wave wave-3" d="M16 7v6" />
    </svg>
  );
}
