// The client portal: what a client user sees once signed in. Its own chunk (loaded only for client
// users, never part of the staff bundle), with its own shell and routes under /portal.
export default function PortalApp() {
  return (
    <main className="grid min-h-dvh place-items-center bg-background text-foreground">
      <h1 className="text-lg font-semibold">Client portal</h1>
    </main>
  );
}
