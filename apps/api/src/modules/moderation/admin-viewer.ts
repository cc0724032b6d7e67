import type { RequestUser } from '../../common/decorators/current-user.decorator';

/**
 * The viewer live events are mapped for: they are stored with full text and the live layer redacts
 * them per reader, so the publisher must not redact first.
 */
export const ADMIN_VIEWER: Pick<RequestUser, 'id' | 'role'> = { id: '', role: 'admin' };
