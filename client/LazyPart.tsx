import { Component, Suspense, type ReactNode } from 'react';

/** Shows `failed` in place of children that threw (a lazy chunk that could not load after every retry). */
class IfFailed extends Component<{ failed: ReactNode; children: ReactNode }, { error: boolean }> {
  override state = { error: false };
  static getDerivedStateFromError(): { error: boolean } {
    return { error: true };
  }
  override render(): ReactNode {
    return this.state.error ? this.props.failed : this.props.children;
  }
}

/**
 * Where a lazy chunk (lazyRetry) is shown: `fallback` while it loads, `failed` (nothing by
 * default) if it still cannot load after lazyRetry's waits, so one missing part never takes the
 * world or the page around it down with it.
 */
export function LazyPart({ children, fallback = null, failed = null }: { children: ReactNode; fallback?: ReactNode; failed?: ReactNode }) {
  return (
    <IfFailed failed={failed}>
      <Suspense fallback={fallback}>{children}</Suspense>
    </IfFailed>
  );
}
