import type { KeyboardEvent, ReactNode } from 'react';
import { Dialog, Modal, ModalOverlay } from 'react-aria-components';

/**
 * Keys pressed in a dialog are for the dialog: they never walk the avatar or reach the world's
 * shortcuts (which listen on window). Two go on: Escape to the modal, which closes the dialog and
 * stops it there, and Tab to the focus scope's listener on document, which keeps focus inside
 * (the world's Tab tour stands aside while a dialog is open).
 */
function keepKeys(e: KeyboardEvent): void {
  if (e.key !== 'Escape' && e.key !== 'Tab') e.stopPropagation();
}

/**
 * A modal dialog over the 3D world, on react-aria-components: the page behind is inert, focus
 * stays inside and goes back where it was when the dialog closes; Escape or a press outside
 * closes it (`onClose`). The dialog is labelled by a `<Heading slot="title">` inside it.
 */
export function WorldDialog({ onClose, overlayClassName, modalClassName, className, children }: {
  onClose: () => void;
  overlayClassName: string;
  modalClassName?: string;
  className: string;
  children: ReactNode;
}) {
  return (
    <ModalOverlay isOpen isDismissable onOpenChange={(open) => { if (!open) onClose(); }} className={`world-dialog-overlay ${overlayClassName}`}>
      <Modal className={modalClassName ?? 'world-dialog-modal'}>
        {/* Between the modal and the dialog, so it hears every key pressed in the dialog, itself included. */}
        <div onKeyDown={keepKeys}>
          <Dialog className={className}>
            {children}
          </Dialog>
        </div>
      </Modal>
    </ModalOverlay>
  );
}
