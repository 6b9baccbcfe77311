/** Asks before a floor is deleted, and says plainly where its people go. Cancel has the focus. */
import { useEffect, useId, useRef } from 'react'

export function DeleteFloorDialog(props: { name: string; firstFloor: string; onConfirm(): void; onCancel(): void }) {
  const dialog = useRef<HTMLDialogElement>(null)
  const id = useId()
  useEffect(() => {
    dialog.current?.showModal()
  }, [])

  return (
    <dialog ref={dialog} className="dialog" role="alertdialog" aria-labelledby={`${id}-title`} aria-describedby={`${id}-text`} onClose={props.onCancel}>
      <h2 id={`${id}-title`}>Delete {props.name}?</h2>
      <p id={`${id}-text`}>
        Its rooms and desks go, and its people will move to the first floor&apos;s desks ({props.firstFloor}). Undo cannot bring a deleted floor back.
      </p>
      <div className="button-row">
        <button type="button" className="danger" onClick={props.onConfirm}>
          Delete floor
        </button>
        <button type="button" autoFocus onClick={() => dialog.current?.close()}>
          Cancel
        </button>
      </div>
    </dialog>
  )
}
