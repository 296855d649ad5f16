import { Text } from '../Text.js';
import { useTwin } from '../../sim/useTwin.js';
import { SIGN_FONT } from '../fonts.js';
import { ExhibitGroup, useLit, type ExhibitProps } from './ExhibitGroup.js';
import { INK } from './looks.js';
import { TwinBoard } from './TwinBoard.js';
import { TwinConsole } from './TwinConsole.js';
import { TwinDeciles, TwinRing } from './TwinPictures.js';
import { BOARD, boardBox, boardPost, pedestal, ROAD, roadRing, TABLE, TABLE_LIT, tableTop, TOWN, townDisc, TWIN, WOOD } from './twinLooks.js';
import { useNear } from './useNear.js';

/**
 * A digital twin: a round table with the model's agents on it (cars on the ring road, or a bar
 * per income decile), the levers on a desk at the front and the headline numbers on a board
 * behind. It shows the visitor's own scenario once they have one, the official one before. The
 * model runs in the worker; frames are asked for only while the visitor is near.
 */
export function TwinExhibit({ exhibit }: ExhibitProps) {
  const lit = useLit(exhibit.id);
  const twin = useTwin(exhibit);
  const near = useNear(exhibit.transform, 16, 20);
  const ring = twin?.model.info.id !== 'carbon-dividend';
  // The visitor's scenario once computed; until then the official one keeps moving.
  const shown = twin ? (twin.mineKey && twin.mineRun?.status === 'done' ? twin.mineKey : twin.officialKey) : null;
  return (
    <ExhibitGroup exhibit={exhibit}>
      <mesh geometry={tableTop()} material={lit ? TABLE_LIT : TABLE} castShadow receiveShadow />
      <mesh geometry={pedestal()} material={WOOD} castShadow />
      <mesh geometry={boardBox()} material={BOARD} castShadow receiveShadow />
      <mesh geometry={boardPost()} material={WOOD} />
      {ring && <mesh geometry={roadRing()} material={ROAD} receiveShadow />}
      {ring && <mesh geometry={townDisc()} material={TOWN} receiveShadow />}
      {twin && shown && (ring ? <TwinRing scenario={shown} live={near} /> : <TwinDeciles scenario={shown} />)}
      {twin ? (
        <>
          <TwinBoard title={exhibit.title} twin={twin} />
          <TwinConsole exhibitId={exhibit.id} twin={twin} />
        </>
      ) : (
        <Text font={SIGN_FONT} position={[0, TWIN.board.bottom + TWIN.board.height / 2, TWIN.board.z + 0.03]} fontSize={0.07} maxWidth={1.8} textAlign="center" anchorX="center" anchorY="middle" color={INK}>
          {`${exhibit.title}\nThis simulation model is not available.`}
        </Text>
      )}
    </ExhibitGroup>
  );
}
