import { RequestMethod, type Type } from '@nestjs/common';
import { HTTP_CODE_METADATA, METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { PERMISSION_KEY } from '../auth/has-permission.decorator';
import { PERMISSIONS } from '../auth/permissions';
import { CeRulesController } from '../ce-rules/ce-rules.controller';
import { CreateCeRuleDto, UpdateCeRuleDto } from '../ce-rules/ce-rule.dto';
import {
  CreateCredentialTypeDto,
  UpdateCredentialTypeDto,
} from '../credential-types/credential-type.dto';
import { CredentialTypesController } from '../credential-types/credential-types.controller';
import { REQUIREMENT_MODELS } from '../roles/requirements';
import { CreateRoleDto, UpdateRoleDto } from '../roles/role.dto';
import { RolesController } from '../roles/roles.controller';
import { CreateSkillDto, UpdateSkillDto } from '../skills/skill.dto';
import { SkillsController } from '../skills/skills.controller';
import { CreateTeamDto, UpdateTeamDto } from '../teams/team.dto';
import { TeamsController } from '../teams/teams.controller';
import { DeleteQuery } from './delete-query';
import { PageQuery } from './pagination';

/** The keys @nestjs/swagger keeps its decorators' metadata under. */
const DECORATORS = {
  API_TAGS: 'swagger/apiUseTags',
  API_PARAMETERS: 'swagger/apiParameters',
  API_EXTRA_MODELS: 'swagger/apiExtraModels',
};

/** A handler's route as Nest and the OpenAPI document read it. */
function route(controller: Type, handler: string) {
  const fn = controller.prototype[handler];
  return {
    method: RequestMethod[Reflect.getMetadata(METHOD_METADATA, fn)],
    path: Reflect.getMetadata(PATH_METADATA, fn),
    status: Reflect.getMetadata(HTTP_CODE_METADATA, fn),
    permission: Reflect.getMetadata(PERMISSION_KEY, fn),
    params: Reflect.getMetadata('design:paramtypes', controller.prototype, handler),
  };
}

const CATALOGS: [Type, string, Type, Type, string][] = [
  [SkillsController, 'skills', CreateSkillDto, UpdateSkillDto, ':id'],
  [
    CredentialTypesController,
    'credential-types',
    CreateCredentialTypeDto,
    UpdateCredentialTypeDto,
    ':id',
  ],
  [CeRulesController, 'ce-rules', CreateCeRuleDto, UpdateCeRuleDto, ':issuingBody'],
  [RolesController, 'roles', CreateRoleDto, UpdateRoleDto, ':id'],
  [TeamsController, 'teams', CreateTeamDto, UpdateTeamDto, ':id'],
];

describe('catalog controllers', () => {
  it.each(CATALOGS)('%p serves its catalog at /%s', (controller, path, create, update, key) => {
    expect(Reflect.getMetadata(PATH_METADATA, controller)).toBe(path);
    expect(Reflect.getMetadata(DECORATORS.API_TAGS, controller)).toEqual([path]);
    const read = PERMISSIONS.catalogRead;
    const write = PERMISSIONS.catalogWrite;
    expect({
      list: route(controller, 'list'),
      get: route(controller, 'get'),
      create: route(controller, 'create'),
      update: route(controller, 'update'),
      remove: route(controller, 'remove'),
    }).toEqual({
      list: { method: 'GET', path: '/', permission: read, params: [Object, PageQuery] },
      get: { method: 'GET', path: key, permission: read, params: [Object, String] },
      create: { method: 'POST', path: '/', permission: write, params: [Object, create] },
      update: { method: 'PATCH', path: key, permission: write, params: [Object, String, update] },
      remove: {
        method: 'DELETE',
        path: key,
        status: 204,
        permission: write,
        params: [Object, String, DeleteQuery],
      },
    });
  });

  it('describes the requirement kinds with roles and teams only', () => {
    expect(Reflect.getMetadata(DECORATORS.API_EXTRA_MODELS, RolesController)).toEqual(
      REQUIREMENT_MODELS,
    );
    expect(Reflect.getMetadata(DECORATORS.API_EXTRA_MODELS, TeamsController)).toEqual(
      REQUIREMENT_MODELS,
    );
    expect(Reflect.getMetadata(DECORATORS.API_EXTRA_MODELS, SkillsController)).toBeUndefined();
  });

  it('names a CE rule by its issuing body in the document', () => {
    const params = Reflect.getMetadata(DECORATORS.API_PARAMETERS, CeRulesController.prototype.get);
    expect(params).toEqual([
      expect.objectContaining({ name: 'issuingBody', in: 'path', example: 'AHIMA' }),
    ]);
  });
});
