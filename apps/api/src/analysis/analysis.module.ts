import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ChordNameController } from './chord-name/chord-name.controller';
import { NameChordHandler } from './chord-name/chord-name.handler';
import { ChordSuggestionsController } from './chord-suggestions/chord-suggestions.controller';
import { SuggestChordsHandler } from './chord-suggestions/chord-suggestions.handler';
import { DetectKeyController } from './detect-key/detect-key.controller';
import { DetectKeyHandler } from './detect-key/detect-key.handler';
import { RangeWarningsController } from './range-warnings/range-warnings.controller';
import { GetRangeWarningsHandler } from './range-warnings/range-warnings.handler';

/** Read-only analyses of a score (latest or `?version=N`), over GetScore and the domain's pure functions. */
@Module({
  imports: [CqrsModule],
  controllers: [RangeWarningsController, ChordNameController, ChordSuggestionsController, DetectKeyController],
  providers: [GetRangeWarningsHandler, NameChordHandler, SuggestChordsHandler, DetectKeyHandler],
})
export class AnalysisModule {}
