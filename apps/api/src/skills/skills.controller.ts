import { CatalogController } from '../common/catalog.routes';
import { CreateSkillDto, UpdateSkillDto } from './skill.dto';
import { SkillsService } from './skills.service';

export class SkillsController extends CatalogController({
  path: 'skills',
  service: SkillsService,
  createDto: CreateSkillDto,
  updateDto: UpdateSkillDto,
}) {}
