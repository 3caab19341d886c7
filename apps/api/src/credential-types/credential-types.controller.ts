import { CatalogController } from '../common/catalog.routes';
import { CreateCredentialTypeDto, UpdateCredentialTypeDto } from './credential-type.dto';
import { CredentialTypesService } from './credential-types.service';

export class CredentialTypesController extends CatalogController({
  path: 'credential-types',
  service: CredentialTypesService,
  createDto: CreateCredentialTypeDto,
  updateDto: UpdateCredentialTypeDto,
}) {}
