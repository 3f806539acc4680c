import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength } from 'class-validator';

export class CreateApiKeyDto {
  @ApiProperty() @IsString() @MaxLength(100) name!: string;
  @ApiProperty({ enum: ['read', 'write'] }) @IsIn(['read', 'write']) scope!: 'read' | 'write';
}
