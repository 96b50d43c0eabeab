import type { Rule } from '../src/detect/rule';
import awsCloudtrailRootConsoleLogin from './aws_cloudtrail_root_console_login';

/**
 * The detection pack. Every rule file is imported here explicitly so bundlers include it;
 * the catalog test fails if a file in this folder is missing from the list.
 */
export const rules: Rule[] = [awsCloudtrailRootConsoleLogin];
