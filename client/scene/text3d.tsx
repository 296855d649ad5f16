import './fontSetup.js';

/** drei's <Text> (troika), with the app's font setup applied first; loaded lazily by client/scene/Text.tsx. */
export { Text } from '@react-three/drei';
