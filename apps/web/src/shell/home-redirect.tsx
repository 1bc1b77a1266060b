/** `/` sends each user to the page their role starts on. */
import { Navigate } from '@tanstack/react-router';
import { useMe } from '../auth/use-me';
import { LoadingState, NotAllowed } from '../ui/state-views';

export function HomeRedirect() {
  const me = useMe();
  if (!me.data) return <LoadingState />;
  if (me.data.roles.includes('supervisor')) return <Navigate to="/caseload" replace />;
  if (me.data.roles.includes('admin')) return <Navigate to="/admin" search={{}} replace />;
  if (me.data.roles.includes('researcher')) return <Navigate to="/studies" replace />;
  if (me.data.roles.includes('peer_worker')) return <Navigate to="/my-record" replace />;
  return <NotAllowed />;
}
