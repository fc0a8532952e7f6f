/** A QR symbol drawn by the server (path data in module units, quiet zone included), ready to inline. */
export type QrDrawing = { path: string; extent: number };

/** An inline SVG QR code: crisp edges, white background so the quiet zone stays light. */
export function QrImage(props: { drawing: QrDrawing; title: string; class?: string }) {
  const { path, extent } = props.drawing;
  return (
    <svg
      class={props.class}
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${extent} ${extent}`}
      shape-rendering="crispEdges"
      role="img"
      aria-label={props.title}
    >
      <rect width={extent} height={extent} fill="#fff" />
      <path fill="#000" d={path} />
    </svg>
  );
}
