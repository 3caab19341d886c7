import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Page, Staff } from '@him/contracts';
import { HasPermission } from '../auth/has-permission.decorator';
import { PERMISSIONS } from '../auth/permissions';
import { CurrentUser, type RequestUser } from '../auth/request-user';
import { uuidParam } from '../common/uuid.pipe';
import { CreateStaffDto, StaffQuery, UpdateStaffDto } from './staff.dto';
import { StaffService } from './staff.service';

/**
 * Reads are open to every role and narrowed by AccessPolicy: admins and managers see the
 * whole department, staff only themselves (another member answers 404). No DELETE:
 * status 'terminated' is how people leave, and their history stays.
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
  get(@CurrentUser() user: RequestUser, @Param('id', uuidParam()) id: string): Promise<Staff> {
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
}
