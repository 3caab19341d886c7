import { CatalogController } from '../common/catalog.routes';
import { REQUIREMENT_MODELS } from '../roles/requirements';
import { CreateTeamDto, UpdateTeamDto } from './team.dto';
import { TeamsService } from './teams.service';

export class TeamsController extends CatalogController({
  path: 'teams',
  service: TeamsService,
  createDto: CreateTeamDto,
  updateDto: UpdateTeamDto,
  extraModels: REQUIREMENT_MODELS,
}) {}
