<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE tileset [
 <!ENTITY n "garage">
]>
<tileset version="1.8" tiledversion="1.8.2" name="&n;" tilewidth="32" tileheight="32" tilecount="56" columns="8">
 <image source="../../../maps/tilesets/garage.png" width="256" height="224"/>
</tileset>
