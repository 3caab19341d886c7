import { applyDecorators, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { HasPermission } from '../auth/has-permission.decorator';
import { PERMISSIONS } from '../auth/permissions';
import { uuidParam } from './uuid.pipe';

/**
 * The routes of a catalog API (skills, credential types, CE rules, roles, teams), said once:
 * everyone of the department reads, catalog writers change, a delete answers 204. A record is
 * at `:id` unless a catalog addresses it otherwise (`:issuingBody`). Each controller keeps its
 * own handlers, so that the OpenAPI document shows each API's own request and answer types.
 */
export const CatalogRoute = {
  list: () => applyDecorators(Get(), HasPermission(PERMISSIONS.catalogRead)),
  get: (path = ':id') => applyDecorators(Get(path), HasPermission(PERMISSIONS.catalogRead)),
  create: () => applyDecorators(Post(), HasPermission(PERMISSIONS.catalogWrite)),
  update: (path = ':id') => applyDecorators(Patch(path), HasPermission(PERMISSIONS.catalogWrite)),
  remove: (path = ':id') =>
    applyDecorators(Delete(path), HttpCode(204), HasPermission(PERMISSIONS.catalogWrite)),
};

/** `@CatalogId() id: string`: the record's id in the path; a malformed one is a 400 naming it. */
export const CatalogId = () => Param('id', uuidParam());
