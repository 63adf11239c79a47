import { PageQueryDto } from '../common/page-query.dto';

/** Newest first. */
export class ListAccessLogQueryDto extends PageQueryDto {}
