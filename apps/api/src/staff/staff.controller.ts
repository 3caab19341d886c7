import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Page, Staff, StaffDetail } from '@him/contracts';
import { HasPermission } from '../auth/has-permission.decorator';
import { PERMISSIONS } from '../auth/permissions';
import { CurrentUser, type RequestUser } from '../auth/request-user';
import { DeleteQuery } from '../common/delete-query';
import { uuidParam } from '../common/uuid.pipe';
import { CreateStaffDto, StaffQuery, UpdateStaffDto } from './staff.dto';
import { StaffService } from './staff.service';

/**
 * Reads are open to every role and narrowed by AccessPolicy: admins and managers see the
 * whole department, staff only themselves (another member answers 404). People leave with
 * status 'terminated', and their history stays; DELETE only removes a record created by
 * mistake, while nothing refers to it.
 */
@ApiTags('staff')
@ApiBearerAuth()
@Controller('staff')
export class StaffController {
  constructor(private readonly staff: StaffService) {}

  @Get()
  list(@CurrentUser() user: RequestUser, @Query() query: StaffQuery): Promise<Page<Staff>> {
    return this.staff.list(user, query);
  }

  @Get(':id')
  @ApiOperation({
    summary:
      'One member, with `can`: what the caller may do to them, as each write would answer (AccessPolicy)',
  })
  get(
    @CurrentUser() user: RequestUser,
    @Param('id', uuidParam()) id: string,
  ): Promise<StaffDetail> {
    return this.staff.get(user, id);
  }

  @Post()
  @HasPermission(PERMISSIONS.staffWrite)
  create(@CurrentUser() user: RequestUser, @Body() dto: CreateStaffDto): Promise<Staff> {
    return this.staff.create(user, dto);
  }

  @Patch(':id')
  @HasPermission(PERMISSIONS.staffWrite)
  update(
    @CurrentUser() user: RequestUser,
    @Param('id', uuidParam()) id: string,
    @Body() dto: UpdateStaffDto,
  ): Promise<Staff> {
    return this.staff.update(user, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @HasPermission(PERMISSIONS.staffDelete)
  @ApiOperation({
    summary:
      'Delete a staff record created by mistake (admin); 409 while credentials, CE, assessments, an account or a team refer to it: terminate instead',
  })
  remove(
    @CurrentUser() user: RequestUser,
    @Param('id', uuidParam()) id: string,
    @Query() query: DeleteQuery,
  ): Promise<void> {
    return this.staff.remove(user, id, query.note);
  }
}
