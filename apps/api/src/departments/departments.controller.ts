import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Department } from '@him/contracts';
import { HasPermission } from '../auth/has-permission.decorator';
import { PERMISSIONS } from '../auth/permissions';
import { CurrentUser, type RequestUser } from '../auth/request-user';
import { UpdateDepartmentDto } from './department.dto';
import { DepartmentsService } from './departments.service';

/** The caller's department settings (singular: an account sees only its own department). */
@ApiTags('department')
@ApiBearerAuth()
@Controller('department')
export class DepartmentsController {
  constructor(private readonly departments: DepartmentsService) {}

  /** Any signed-in user: the dashboard needs the time zone and the warning window. */
  @Get()
  get(@CurrentUser() user: RequestUser): Promise<Department> {
    return this.departments.get(user);
  }

  @Patch()
  @HasPermission(PERMISSIONS.departmentWrite)
  update(@CurrentUser() user: RequestUser, @Body() dto: UpdateDepartmentDto): Promise<Department> {
    return this.departments.update(user, dto);
  }
}
