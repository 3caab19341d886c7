import { CatalogController } from '../common/catalog.routes';
import { CreateCeRuleDto, UpdateCeRuleDto } from './ce-rule.dto';
import { CeRulesService } from './ce-rules.service';

/** A CE rule is named by its issuing body (`/ce-rules/AHIMA`), not by an id. */
export class CeRulesController extends CatalogController({
  path: 'ce-rules',
  service: CeRulesService,
  createDto: CreateCeRuleDto,
  updateDto: UpdateCeRuleDto,
  key: {
    name: 'issuingBody',
    example: 'AHIMA',
    description: 'the issuing body, whatever the letter case',
  },
}) {}
