/**
 * Server-rendered markup that the client keeps as it is. While hydrating, Preact leaves the children of an
 * element with dangerouslySetInnerHTML untouched, and on later renders it rewrites them only when `html`
 * changes: the client passes "" and the server's markup stays, with whatever the citizen entered in it.
 */
export function StaticHtml(props: { html: string }) {
  return <div dangerouslySetInnerHTML={{ __html: props.html }} />;
}
