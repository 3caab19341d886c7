import { SetMetadata } from '@nestjs/common';
import type { Permission } from './permissions';

export const PERMISSION_KEY = 'him:permission';
export const PUBLIC_KEY = 'him:public';

/** The route needs this permission (the guard checks it; 403 otherwise). */
export const HasPermission = (permission: Permission) => SetMetadata(PERMISSION_KEY, permission);

/** No token needed (login, health, calendar feeds that carry their own secret). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);
