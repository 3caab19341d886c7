import {
  applyDecorators,
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  Param,
  Patch,
  Post,
  Query,
  type Type,
} from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Page } from '@him/contracts';
import { HasPermission } from '../auth/has-permission.decorator';
import { PERMISSIONS } from '../auth/permissions';
import { CurrentUser, type RequestUser } from '../auth/request-user';
import { DeleteQuery } from './delete-query';
import { PageQuery } from './pagination';
import { uuidParam } from './uuid.pipe';

/**
 * The routes of a catalog API (skills, credential types, CE rules, roles, teams), said once:
 * everyone of the department reads, catalog writers change, a delete answers 204. A record is
 * at `:id` unless a catalog addresses it otherwise (`:issuingBody`).
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

/** What a catalog controller calls: the catalog's service (`CatalogService`). */
export interface CatalogApi<T, C, U> {
  list(user: RequestUser, page: PageQuery): Promise<Page<T>>;
  get(user: RequestUser, key: string): Promise<T>;
  create(user: RequestUser, dto: C): Promise<T>;
  update(user: RequestUser, key: string, dto: U): Promise<T>;
  remove(user: RequestUser, key: string, note?: string): Promise<void>;
}

/** How a catalog names a record in its path, when not by its id (`:id`, a uuid). */
export interface CatalogKey {
  /** the path parameter: `issuingBody` */
  name: string;
  example: string;
  description: string;
}

export interface CatalogControllerSpec<T, C, U> {
  /** the path below /api/v1 and the OpenAPI tag: `credential-types` */
  path: string;
  service: Type<CatalogApi<T, C, U>>;
  /** the request bodies of POST and PATCH */
  createDto: Type<C>;
  updateDto: Type<U>;
  /** more schemas the OpenAPI document describes (the requirement kinds of roles and teams) */
  extraModels?: Type[];
  key?: CatalogKey;
}

/**
 * A catalog's controller, made once for all: list, get, create, update and delete at `path`,
 * each handed to the catalog's service. A catalog's controller extends what this returns, so
 * that its class name names its operations in the OpenAPI document (`RolesController_get`).
 */
export function CatalogController<T, C, U>(
  spec: CatalogControllerSpec<T, C, U>,
): Type<CatalogApiController<T, C, U>> {
  const key = spec.key;
  const keyPath = key ? `:${key.name}` : ':id';
  const KeyParam = () => (key ? Param(key.name) : CatalogId());
  const KeyDoc = () => applyDecorators(...(key ? [ApiParam(key)] : []));
  const ExtraModels = () =>
    applyDecorators(...(spec.extraModels ? [ApiExtraModels(...spec.extraModels)] : []));

  @ApiTags(spec.path)
  @ApiBearerAuth()
  @ExtraModels()
  @Controller(spec.path)
  class Catalog implements CatalogApiController<T, C, U> {
    constructor(@Inject(spec.service) readonly service: CatalogApi<T, C, U>) {}

    @CatalogRoute.list()
    list(@CurrentUser() user: RequestUser, @Query() page: PageQuery): Promise<Page<T>> {
      return this.service.list(user, page);
    }

    @CatalogRoute.get(keyPath)
    @KeyDoc()
    get(@CurrentUser() user: RequestUser, @KeyParam() key: string): Promise<T> {
      return this.service.get(user, key);
    }

    @CatalogRoute.create()
    create(@CurrentUser() user: RequestUser, @Body() dto: C): Promise<T> {
      return this.service.create(user, dto);
    }

    @CatalogRoute.update(keyPath)
    @KeyDoc()
    update(@CurrentUser() user: RequestUser, @KeyParam() key: string, @Body() dto: U): Promise<T> {
      return this.service.update(user, key, dto);
    }

    @CatalogRoute.remove(keyPath)
    @KeyDoc()
    remove(
      @CurrentUser() user: RequestUser,
      @KeyParam() key: string,
      @Query() query: DeleteQuery,
    ): Promise<void> {
      return this.service.remove(user, key, query.note);
    }
  }
  // A type parameter has no class at run time: the bodies' classes are said here, as the compiler
  // says a parameter's class, so that validation and the OpenAPI document know them.
  Reflect.defineMetadata(
    'design:paramtypes',
    [Object, spec.createDto],
    Catalog.prototype,
    'create',
  );
  Reflect.defineMetadata(
    'design:paramtypes',
    [Object, String, spec.updateDto],
    Catalog.prototype,
    'update',
  );
  return Catalog;
}

export interface CatalogApiController<T, C, U> {
  list(user: RequestUser, page: PageQuery): Promise<Page<T>>;
  get(user: RequestUser, key: string): Promise<T>;
  create(user: RequestUser, dto: C): Promise<T>;
  update(user: RequestUser, key: string, dto: U): Promise<T>;
  remove(user: RequestUser, key: string, query: DeleteQuery): Promise<void>;
}
