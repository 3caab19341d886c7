import { CatalogController } from '../common/catalog.routes';
import { CreateRoleDto, UpdateRoleDto } from './role.dto';
import { REQUIREMENT_MODELS } from './requirements';
import { RolesService } from './roles.service';

export class RolesController extends CatalogController({
  path: 'roles',
  service: RolesService,
  createDto: CreateRoleDto,
  updateDto: UpdateRoleDto,
  extraModels: REQUIREMENT_MODELS,
}) {}
